"""The window (PySide6). Everything Qt lives in this package; it calls the core, never the
other way round."""
