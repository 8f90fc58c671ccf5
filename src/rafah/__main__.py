from rafah.cli import main

main()
