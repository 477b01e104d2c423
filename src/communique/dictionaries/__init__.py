"""The field's dictionaries, imported into communique's own data files.

``communique dictionaries build`` (or :func:`build.build`) reads the PETRARCH2/Phoenix
dictionaries (``../shared/dictionaries/petrarch2/``, MIT) and writes our own committed
files under ``src/communique/data/``, each entry with a ``source`` column naming the file
and line it came from, and the MIT notice kept in each file's header. One module per
dictionary, each with ``build(source_dir, data_dir) -> dict`` (what it wrote and counted):

- ``verbs``: the CAMEO verb dictionary (synonym sets, verb blocks, phrase patterns);
- ``actors``: the Phoenix actor dictionaries (countries, IGOs/NGOs, militant groups, and
  the people file, kept apart with its CC BY-SA attribution);
- ``agents``: role nouns to CAMEO sector codes;
- ``discards``: phrases that make a sentence (or a story) uncodable.

``petrarch_text`` holds what the formats share (comments, phrases, plurals).
"""
