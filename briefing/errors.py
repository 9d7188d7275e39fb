"""Small named errors. The library raises them; only the CLI turns them into messages."""


class BriefingError(Exception):
    """Base class: `str(error)` is one line that says what went wrong and how to fix it."""


class InputError(BriefingError):
    """An input file is missing, empty, binary or malformed."""

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source, self.problem, self.fix = source, problem, fix
        message = f"{source}: {problem}"
        super().__init__(f"{message}; {fix}" if fix else message)


class DecodeError(InputError):
    """Bytes that are neither UTF-8, UTF-16 (with BOM) nor GB18030."""


class TemplateError(BriefingError):
    """A template that does not parse or uses an undefined variable."""


class ConfigError(BriefingError):
    """A configuration file that cannot be read or has a wrong value."""


class OptionsError(BriefingError):
    """Options that are out of range or name an engine or segmenter that does not exist."""


class DraftError(BriefingError):
    """A brief draft (.json) that does not fit the schema: the message names the key and what is expected."""


class EmptyInputError(InputError):
    """No article at all came out of the inputs (each was empty or refused): there is nothing to work on."""
