"""The bundled executables' entry point (PyInstaller runs this script, not a console script).

freeze_support() must come first: imports decode files in spawned worker processes, and in a
frozen app each worker re-runs this executable, which must then act as the worker.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from hitl_desktop.cli import main

    main()
