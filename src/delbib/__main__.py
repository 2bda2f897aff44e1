from delbib.cli import main

main()
