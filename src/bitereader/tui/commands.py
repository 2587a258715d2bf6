"""The command palette provider: every key binding of the current screen, by its description."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.widget import Widget

from bitereader.tui.keys import keys_for


class BindingCommands(Provider):
    """Offers each binding of the app, the screen and its panes as a palette command."""

    def _commands(self) -> list[tuple[str, str, DOMNode, Binding]]:
        screen = self.screen
        nodes: list[DOMNode] = [self.app, screen]
        nodes.extend(w for w in screen.query(Widget) if type(w).__module__.startswith("bitereader"))
        seen: set[str] = set()
        commands = []
        for node in nodes:
            for binding in type(node).BINDINGS:
                if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                    continue
                seen.add(binding.id)
                group = getattr(node, "BINDING_GROUP_TITLE", None) or "Everywhere"
                help = f"{group} · {keys_for(self.app, binding)}"
                commands.append((binding.description, help, node, binding))
        return commands

    async def discover(self) -> Hits:
        for name, help, node, binding in self._commands():
            yield DiscoveryHit(name, partial(self._run, node, binding), help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, node, binding in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, node, binding), help=help
                )

    async def _run(self, node: DOMNode, binding: Binding) -> None:
        await self.app.run_action(binding.action, node)
