"""Renderers: terminal (rich), JSON, exports, HTML."""
