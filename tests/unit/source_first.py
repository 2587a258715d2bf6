"""The opening of a script run in a child Python that compares compiled and source builds.

Run with "source" as its first argument, it makes bitereader's modules load from their .py files
even where a compiled module sits beside them; otherwise it changes nothing.
"""

SOURCE_FIRST = r"""
import importlib.machinery, importlib.util, sys
from pathlib import Path

class SourceFirst:
    def find_spec(self, name, path, target=None):
        if not name.startswith("bitereader."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.origin is None or spec.origin.endswith(".py"):
            return spec
        source = Path(spec.origin).with_name(name.rsplit(".", 1)[1] + ".py")
        return importlib.util.spec_from_file_location(name, source)

if sys.argv[1] == "source":
    sys.meta_path.insert(0, SourceFirst())
"""
