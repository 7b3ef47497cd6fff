from resumeout.cli.main import main

raise SystemExit(main())
