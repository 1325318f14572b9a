from conflictcoder.cli import main

main()
