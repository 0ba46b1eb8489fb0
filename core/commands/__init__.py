"""One module per `pizhu` subcommand: add_arguments(parser) and run(args) -> exit code."""
