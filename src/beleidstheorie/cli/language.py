"""The language of ``--help`` and of click's own refusals, known before click parses.

The language is the last ``--lang nl|en`` anywhere on the command line (the command's
own comes after the group's, so it wins), else ``BELEIDSTHEORIE_LANG``, else Dutch:
the same rule as for the tables and messages. Help texts, click's fixed words
("Usage", "Options", "Show this message and exit.") and its refusals ("No such
option") are translated through the catalogue (:data:`beleidstheorie.help_texts.HELP`
and :mod:`beleidstheorie.messages`); the English texts stay where they are written,
in the commands' docstrings and options.

>>> argv_lang(["score", "--lang", "en"], {}), argv_lang(["--lang=en", "score"], {})
('en', 'en')
>>> argv_lang(["score"], {"BELEIDSTHEORIE_LANG": "en"}), argv_lang(["score"], {})
('en', 'nl')
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, Any

import click

from beleidstheorie.help_texts import help_in, metavar_in
from beleidstheorie.messages import click_said, message

ARGV_LANG = "beleidstheorie.argv_lang"
"""Key of the click context's meta: the language read from the command line before parsing."""

LANGUAGES = ("nl", "en")


def argv_lang(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language the command line asks for: its last ``--lang``, else the environment, else nl."""
    found = None
    for k, arg in enumerate(args):
        if arg == "--lang" and k + 1 < len(args):
            found = args[k + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
        if arg == "--":
            break
    if found in LANGUAGES:
        return found
    env = (os.environ if environ is None else environ).get("BELEIDSTHEORIE_LANG", "")
    return env if env in LANGUAGES else "nl"


_EXTRA = re.compile(r"^(?P<help>.*?)\s*\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)
"""An option's help as click writes it: its text, then ``[default: 30; required]``."""


class TranslatingFormatter(click.HelpFormatter):
    """Click's help formatter, writing every text, heading and metavar in one language."""

    def __init__(self, lang: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = message("cl_usage", self.lang) + " "
        super().write_usage(prog, metavar_in(args, self.lang), prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, lambda lang: heading)(self.lang))

    def write_text(self, text: str) -> None:
        super().write_text(help_in(text, self.lang))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(metavar_in(a, self.lang), self._help(b)) for a, b in rows], *args, **kwargs)

    def _help(self, text: str) -> str:
        found = _EXTRA.match(text)
        if found is None:
            return help_in(text, self.lang)
        extra = "; ".join(_extra_in(part, self.lang) for part in found["extra"].split("; "))
        said = help_in(found["help"], self.lang)
        return f"{said}  [{extra}]" if said else f"[{extra}]"


def _extra_in(part: str, lang: str) -> str:
    if part == "required":
        return message("cl_required", lang)
    if part.startswith("default: "):
        return message("cl_default", lang, default=part[len("default: ") :])
    if part.startswith("env var: "):
        return message("cl_env_var", lang, var=part[len("env var: ") :])
    return part  # a range (x>=0.1) is the same in every language


_HEADINGS = {
    "Options": lambda lang: message("cl_options", lang),
    "Commands": lambda lang: message("cl_commands", lang),
    "Positional arguments": lambda lang: message("cl_arguments", lang),
}


def context_lang(ctx: click.Context | None) -> str:
    """The language of help and click's refusals in ``ctx``: read from the command line."""
    while ctx is not None:
        if ARGV_LANG in ctx.meta:
            return str(ctx.meta[ARGV_LANG])
        ctx = ctx.parent
    return argv_lang([])


class LangContext(click.Context):
    """A click context whose help formatter writes in the command line's language."""

    def make_formatter(self) -> click.HelpFormatter:
        return TranslatingFormatter(
            context_lang(self), width=self.terminal_width, max_width=self.max_content_width
        )


class Refusal(click.UsageError):
    """Click's refusal of a command line, said in the command line's language."""

    def __init__(self, original: click.UsageError, lang: str) -> None:
        super().__init__(click_said(original.format_message(), lang), original.ctx)
        self.exit_code = original.exit_code
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        err = file is None  # click's own default: standard error
        if self.ctx is not None:
            names = self.ctx.command.get_help_option_names(self.ctx)
            hint = ""
            if names:
                option = max(names, key=len)
                hint = message("cl_try", self.lang, command=self.ctx.command_path, option=option) + "\n"
            click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, err=err, color=self.ctx.color)
        click.echo(message("cl_error", self.lang, message=self.format_message()), file=file, err=err)


@contextmanager
def _said_in(lang: str) -> Iterator[None]:
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise  # its message is the help itself, already in the language
    except Refusal:
        raise
    except click.UsageError as exc:
        raise Refusal(exc, lang) from None


class LangCommand(click.Command):
    """A command whose help is written in the command line's language."""

    context_class = LangContext

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        lang = context_lang(ctx)
        if lang == "en" or not self.help:
            return super().get_short_help_str(limit)
        return _short(help_in(_clean(self.help), lang), limit)


class LangGroup(click.Group):
    """The command group: the language is read from the command line before click parses it."""

    context_class = LangContext
    command_class = LangCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            ctx.meta[ARGV_LANG] = argv_lang(args)
        with _said_in(context_lang(ctx)):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with _said_in(context_lang(ctx)):
            return super().invoke(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        return LangCommand.get_short_help_str(self, limit)  # type: ignore[arg-type]


def _clean(text: str) -> str:
    return inspect.cleandoc(text).partition("\f")[0]


def _short(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut to ``limit`` characters at a word (as click shortens)."""
    first = text.split("\n\n")[0].replace("\n", " ").strip()
    end = first.find(". ")
    if end >= 0:
        first = first[: end + 1]
    if len(first) <= limit:
        return first
    words, out = first.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > limit - 3:
            break
        out = f"{out} {word}".strip()
    return out + "..."
