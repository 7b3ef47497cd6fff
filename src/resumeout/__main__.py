from resumeout.cli import main

raise SystemExit(main())
