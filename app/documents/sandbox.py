"""The Jinja sandbox a Word template runs in, and the budget that bounds one render.

A template is code that a service uploads and the server runs, so it must neither escape nor
exhaust the server:

- **No escape.** Python internals are refused (``ImmutableSandboxedEnvironment``). There is no
  loader, so ``{% include %}``, ``{% import %}``, ``{% from … import %}`` and ``{% extends %}``
  are refused when the template compiles, and so is ``{% block %}``: without inheritance it only
  lets a template render a block again through ``self``, out of the budget's sight. The only
  global is a capped ``range()``; ``config``, ``namespace()``, ``cycler`` and the rest are
  undefined.
- **No exhaustion.** One render (every part of one document) runs inside :func:`bounded`, with
  a :class:`RenderLimits` budget. Exceeding it raises :class:`RenderLimitExceeded`:

  ``output_chars``
      the characters the render may build: its output (text between the tags included), and
      every string or list an operation builds on the way (``~``, ``+``, ``*``, ``%``, string
      methods, filters). Where the size is known beforehand (padding, ``indent``, ``replace``,
      ``join``, ``wordwrap``, ``batch``, ``~``) it is charged *before* the operation runs, so
      ``'x'|center(50000000)`` is refused without building anything.
  ``steps``
      loop iterations and calls (functions, macros, methods), all loops together: the only
      ways a template repeats work. Exponential macro recursion runs into it too.
  ``seconds``
      wall-clock time, looked at every step, for work that builds nothing (comparisons of
      long strings in a loop).

  Compiling costs time per token of Jinja, outside any render: a template has at most
  :data:`MAX_TOKENS` of them (the shipped ones have a few hundred at most).

  Format widths and precisions (``%``, ``|format``, ``str.format``) are limited to
  :data:`MAX_FORMAT_WIDTH`; ``*`` and ``range()`` keep their caps (:data:`MAX_PRODUCT`,
  :data:`MAX_RANGE`); ``|sum`` adds numbers only (a sum of lists is quadratic). Filters without
  a use in a Word document whose output cannot be foreseen (``urlize``, ``tojson``, ``pprint``)
  are not available, nor are ``str.translate``, ``str.maketrans`` and ``str.encode``.

The hooks find the budget of the render in a context variable and refuse to run without one,
so nothing is computed when a template compiles (Jinja folds constants then).
"""

from __future__ import annotations

import functools
import re
import textwrap
import time
import types
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from string import Formatter
from typing import Any

from jinja2 import ChainableUndefined, nodes, pass_context, pass_environment
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.ext import Extension
from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RANGE = 1000
MAX_PRODUCT = 100_000
MAX_FORMAT_WIDTH = 1000
MAX_TOKENS = 10_000
COUNTED = "counted loop"  # the filter every loop iterates through; a name no template can write

clock: Callable[[], float] = time.monotonic
"""The clock of the time limit (a module attribute, so a test can make time pass)."""


@dataclass(frozen=True)
class RenderLimits:
    """The budget of one render; the defaults are the settings' defaults."""

    output_chars: int = 5_000_000
    steps: int = 100_000
    seconds: float = 10.0


class RenderLimitExceeded(Exception):
    """A render ran past its budget. ``code``: ``output_limit``, ``step_limit`` or
    ``time_limit``. The message names the limit, never a value of the case."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class _Budget:
    def __init__(self, limits: RenderLimits) -> None:
        self.limits = limits
        self.chars = limits.output_chars
        self.steps = limits.steps
        self.deadline = clock() + limits.seconds

    def step(self) -> None:
        if self.steps <= 0:
            raise RenderLimitExceeded(
                "step_limit",
                f"The template runs more than {self.limits.steps} loop iterations and calls.",
            )
        self.steps -= 1
        if clock() > self.deadline:
            raise RenderLimitExceeded(
                "time_limit", f"The template takes longer than {self.limits.seconds:g} seconds."
            )

    def produce(self, chars: int) -> None:
        """Charge ``chars`` characters, before they are built where that is possible."""
        if chars > self.chars:
            raise RenderLimitExceeded(
                "output_limit",
                f"The template builds more than {self.limits.output_chars} characters.",
            )
        self.chars -= max(chars, 0)

    def produce_text_of(self, value: Any) -> None:
        """Charge what turning ``value`` into text builds (a list's text holds its items')."""
        self.produce(_text_size(value, self.chars))


_active: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


@contextmanager
def bounded(limits: RenderLimits) -> Iterator[None]:
    """Every template rendered inside shares one budget of ``limits``."""
    token = _active.set(_Budget(limits))
    try:
        yield
    finally:
        _active.reset(token)


def _budget() -> _Budget:
    budget = _active.get()
    if budget is None:  # compiling (constant folding) or a render outside ``bounded``
        raise SecurityError("templates run only inside a render budget")
    return budget


def _text_size(value: Any, limit: int) -> int:
    """About how many characters ``str(value)`` has, at least one per item; counting stops past
    ``limit``, so a list repeated inside a list cannot make the count itself expensive."""
    if isinstance(value, str):
        return len(value)
    total, pending = 0, [value]
    while pending and total <= limit:
        item = pending.pop()
        total += len(item) + 1 if isinstance(item, str) else 1
        if isinstance(item, Mapping):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, Collection) and not isinstance(item, str | range):
            pending.extend(item)
    return total


def _length(value: Any) -> int:
    """What a result built: a string's characters, a list's items; nothing for other values."""
    return len(value) if isinstance(value, str | list | tuple | dict) else 0


# -- format specifications --------------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?.", re.DOTALL)


def _width_allowed(number: str) -> bool:
    return number == "" or (number != "*" and len(number) <= 6 and int(number) <= MAX_FORMAT_WIDTH)


def _refuse_wide(kind: str) -> SecurityError:
    return SecurityError(f"{kind} widths and precisions above {MAX_FORMAT_WIDTH} are not allowed")


def _check_printf(template: str) -> int:
    """The widths and precisions of a ``%`` format, summed (each at most the limit)."""
    total = 0
    for width, precision in _PRINTF.findall(template):
        if not (_width_allowed(width) and _width_allowed(precision)):
            raise _refuse_wide("format")
        total += int(width or 0) + int(precision or 0)
    return total


def _check_str_format(template: str) -> int:
    """The numbers of a ``str.format`` template's specifications, summed (each at most the
    limit; a specification taken from the arguments is refused)."""
    total = 0
    for _literal, _field, spec, _conversion in Formatter().parse(template):
        numbers = re.findall(r"\d+", spec or "")
        if spec and ("{" in spec or not all(map(_width_allowed, numbers))):
            raise _refuse_wide("format")
        total += sum(map(int, numbers))
    return total


# -- string methods ---------------------------------------------------------------------------

_PADDING = frozenset({"center", "ljust", "rjust", "zfill"})
# translate's output cannot be foreseen; encode makes bytes, which the checks here do not know
_REFUSED_METHODS = frozenset({"translate", "maketrans", "encode"})


def _replaced_size(text: str, old: Any, new: Any, times: Any) -> int:
    if not (isinstance(old, str) and isinstance(new, str)):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    if isinstance(times, int) and times >= 0:
        found = min(found, times)
    return len(text) + found * max(len(new) - len(old), 0)


def _before_str_method(
    budget: _Budget, text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Charge what the method will build; the arguments to call it with."""
    if name in _REFUSED_METHODS:
        raise SecurityError(f"str.{name} is not available in templates")
    if name in _PADDING and args and isinstance(args[0], int):
        budget.produce(max(len(text), args[0]))
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            budget.produce(len(text) + text.count("\t") * size)
    elif name == "replace" and len(args) >= 2:
        budget.produce(_replaced_size(text, args[0], args[1], args[2] if len(args) > 2 else -1))
    elif name == "join" and args:
        items = list(args[0])
        budget.produce(len(items))
        budget.produce(
            sum(len(i) for i in items if isinstance(i, str)) + len(text) * max(len(items) - 1, 0)
        )
        return (items, *args[1:])
    return args


# -- filters ----------------------------------------------------------------------------------

Before = Callable[[_Budget, list[Any], dict[str, Any]], None]


def _argument(arguments: list[Any], kwargs: dict[str, Any], index: int, name: str) -> Any:
    return arguments[index] if len(arguments) > index else kwargs.get(name)


def _materialize(budget: _Budget, arguments: list[Any]) -> list[Any]:
    """The filter's input as a list (charged), so its size is known and it is read once."""
    items = list(arguments[0])
    budget.produce(len(items))
    arguments[0] = items
    return items


def _before_center(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    width = _argument(arguments, kwargs, 1, "width")
    width = 80 if width is None else width
    if isinstance(width, int):
        budget.produce(max(_text_size(arguments[0], budget.chars), width))


def _before_indent(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    width = _argument(arguments, kwargs, 1, "width")
    width = 4 if width is None else width
    each = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    text = arguments[0]
    lines = text.count("\n") + 2 if isinstance(text, str) else 2
    budget.produce(_text_size(text, budget.chars) + lines * each)


def _before_format(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    if isinstance(arguments[0], str):
        budget.produce(_check_printf(arguments[0]))
    budget.produce_text_of(arguments)
    budget.produce_text_of(kwargs)


def _before_replace(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    old, new = _argument(arguments, kwargs, 1, "old"), _argument(arguments, kwargs, 2, "new")
    times = _argument(arguments, kwargs, 3, "count")
    _before_text(budget, arguments, kwargs)
    text = str(arguments[0])  # the filter replaces in the text of its input
    budget.produce(_replaced_size(text, str(old), str(new), -1 if times is None else times))


def _before_join(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    items = _materialize(budget, arguments)
    separator = _argument(arguments, kwargs, 1, "d") or ""
    budget.produce_text_of(items)
    budget.produce(len(str(separator)) * max(len(items) - 1, 0))


def _before_batch(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    _materialize(budget, arguments)
    size = _argument(arguments, kwargs, 1, "linecount")
    if _argument(arguments, kwargs, 2, "fill_with") is not None and isinstance(size, int):
        budget.produce(size)


def _before_slice(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    _materialize(budget, arguments)
    slices = _argument(arguments, kwargs, 1, "slices")
    if isinstance(slices, int):
        budget.produce(slices)


def _before_sum(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    start = _argument(arguments, kwargs, 2, "start")
    if start is not None and not isinstance(start, int | float):
        raise SecurityError("sum() adds numbers only in templates")


def _before_text(budget: _Budget, arguments: list[Any], kwargs: dict[str, Any]) -> None:
    """A filter that turns its input into text first."""
    if arguments and not isinstance(arguments[0], str):
        budget.produce_text_of(arguments[0])


@pass_environment
def _wordwrap(
    environment: Environment,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    """Jinja's ``wordwrap``, charging the joined text before joining it."""
    separator = environment.newline_sequence if wrapstring is None else wrapstring
    paragraphs = [
        textwrap.wrap(
            line,
            width=width,
            expand_tabs=False,
            replace_whitespace=False,
            break_long_words=break_long_words,
            break_on_hyphens=break_on_hyphens,
        )
        for line in s.splitlines()
    ]
    pieces = sum(len(lines) for lines in paragraphs) + len(paragraphs)
    _budget().produce(sum(map(len, s.splitlines())) + pieces * len(separator))
    return separator.join(separator.join(lines) for lines in paragraphs)


_BEFORE: dict[str, Before] = {
    "batch": _before_batch,
    "center": _before_center,
    "format": _before_format,
    "indent": _before_indent,
    "join": _before_join,
    "replace": _before_replace,
    "slice": _before_slice,
    "sum": _before_sum,
}
_TEXT_FILTERS = frozenset(
    {
        *("capitalize", "e", "escape", "forceescape", "lower", "safe", "string", "striptags"),
        *("title", "trim", "truncate", "upper", "urlencode", "wordcount", "wordwrap", "xmlattr"),
    }
)
_REMOVED_FILTERS = frozenset({"urlize", "tojson", "pprint"})


def _bounded_filter(func: Callable[..., Any], before: Before | None) -> Callable[..., Any]:
    """``func`` charged to the render's budget: ``before`` it runs, then for what it built.

    It takes the template context, so Jinja never runs it while compiling."""
    passes = getattr(getattr(func, "jinja_pass_arg", None), "name", None)

    @functools.wraps(func)
    def run(context: Context, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        arguments = list(args)
        if before is not None and arguments:
            before(budget, arguments, kwargs)
        leading = {
            "context": (context,),
            "eval_context": (context.eval_ctx,),
            "environment": (context.environment,),
        }.get(passes or "", ())
        result = func(*leading, *arguments, **kwargs)
        budget.produce(_length(result))
        return result

    return pass_context(run)


@pass_context
def _counted(context: Context, iterable: Iterable[Any]) -> Iterator[Any]:
    """What a loop iterates: one step per item."""
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


def _filters() -> dict[str, Callable[..., Any]]:
    filters: dict[str, Callable[..., Any]] = {}
    source = {**DEFAULT_FILTERS, "wordwrap": _wordwrap}
    for name, func in source.items():
        if name in _REMOVED_FILTERS:
            continue
        before = _BEFORE.get(name, _before_text if name in _TEXT_FILTERS else None)
        filters[name] = _bounded_filter(func, before)
    filters[COUNTED] = _counted
    return filters


# -- compiled templates -----------------------------------------------------------------------


class _TokenLimit(Extension):
    """Refuses a template of more than :data:`MAX_TOKENS` tokens of Jinja (text between the
    tags is not counted), before the parser or compiler spends time on them."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        tokens = 0
        for token in stream:
            if token.type != "data":
                tokens += 1
                if tokens > MAX_TOKENS:
                    raise TemplateSyntaxError(
                        f"the template has more than {MAX_TOKENS} tokens of Jinja",
                        token.lineno,
                        stream.name,
                        stream.filename,
                    )
            yield token


_REFUSED_TAGS: tuple[tuple[type[nodes.Node], str], ...] = (
    (nodes.Extends, "extends"),
    (nodes.Include, "include"),
    (nodes.Import, "import"),
    (nodes.FromImport, "from … import"),
    (nodes.Block, "block"),
)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with three changes: the tags above are refused, every loop
    iterates through the counting filter, and output buffers (macros, ``{% set %}`` and
    ``{% filter %}`` blocks) and ``~`` charge the budget."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for kind, tag in _REFUSED_TAGS:
            found = node.find(kind)
            if found is not None:
                self.fail(
                    f"{{% {tag} %}} is not available: a template is one document, on its own",
                    found.lineno,
                )
        for loop in list(node.find_all(nodes.For)):
            loop.iter = nodes.Filter(loop.iter, COUNTED, [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"{join}(environment.charged((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write(")))")


class _Buffer(list[str]):
    """Output written to a buffer, charged as it is written."""

    def __init__(self, budget: _Budget) -> None:
        super().__init__()
        self._budget = budget

    def append(self, part: str) -> None:
        self._budget.produce(len(part))
        super().append(part)

    def extend(self, parts: Iterable[str]) -> None:
        for part in parts:
            self.append(part)


def _charged_join(parts: Iterable[str]) -> str:
    """A template's top-level output, charged part by part as the render yields it."""
    budget = _budget()
    out: list[str] = []
    for part in parts:
        budget.produce(len(part))
        out.append(part)
    return "".join(out)


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Before ``{{ value }}`` becomes text: a list's text is charged before it is built."""
    if not isinstance(value, str):
        _budget().produce_text_of(value)
    return value


def _bounded_range(*args: int) -> range:
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise SecurityError(f"range() is limited to {MAX_RANGE} items in templates")
    return values


def _multiply(budget: _Budget, left: Any, right: Any) -> Any:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            size = len(sequence) * max(times, 0)
            if size > MAX_PRODUCT:
                raise SecurityError("the result is too large")
            budget.produce(size)
            return left * right
    result = left * right
    if isinstance(result, int) and abs(result) > MAX_PRODUCT:
        raise SecurityError("the result is too large")
    return result


class _Sandbox(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(_charged_join)

    def output_buffer(self) -> _Buffer:
        return _Buffer(_budget())

    def charged(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of a ``~``, charged for their text before they are joined."""
        budget = _budget()
        for part in parts:
            budget.produce_text_of(part)
        return parts

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"access to '{attribute}' is not allowed in templates")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _budget()
        if operator == "**":
            raise SecurityError("powers are not allowed in templates")
        if operator == "*":
            return _multiply(budget, left, right)
        if operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                budget.produce(len(left) + len(right))
            return left + right
        if isinstance(left, str):  # "%": printf-style formatting
            budget.produce(len(left) + _check_printf(left))
            budget.produce_text_of(right)
            result = left % right
            budget.produce(len(result))
            return result
        return left % right

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        sandboxed = super().wrap_str_format(value)
        if sandboxed is None:
            return None
        template: str = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            budget = _budget()
            budget.produce(len(template) + _check_str_format(template))
            budget.produce_text_of(args)
            budget.produce_text_of(kwargs)
            return sandboxed(*args, **kwargs)

        return functools.update_wrapper(checked, value)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.step()
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str) and isinstance(obj, types.BuiltinMethodType | types.MethodType):
            args = _before_str_method(budget, owner, obj.__name__, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        if not isinstance(obj, Macro | LoopContext):  # their output was charged as written
            budget.produce(_length(result))
        return result


def environment() -> ImmutableSandboxedEnvironment:
    """A new sandbox; its templates render only inside :func:`bounded`."""
    env = _Sandbox(
        undefined=ChainableUndefined, autoescape=True, finalize=_finalize, extensions=[_TokenLimit]
    )
    env.globals = {"range": _bounded_range}
    env.filters = _filters()
    return env
