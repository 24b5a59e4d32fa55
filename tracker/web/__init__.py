"""Web: the database in a browser, through Datasette.

Takes a database built by `tracker.store` and gives the Datasette plugin (pages, login, the annotation form),
the charts plugin, templates and styles, and `serve`, which starts Datasette with the project's metadata.yml and
datasette.yaml. The top of the stack: uses review and store, and nothing imports it but the CLI.
"""
