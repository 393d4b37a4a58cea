"""Home Assistant's LLM platform: the tools for language models live in `voice/`."""

from .voice.llm import async_get_tools

__all__ = ["async_get_tools"]
