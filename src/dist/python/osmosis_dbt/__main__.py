"""`python -m osmosis_dbt ...` runs osmosis like the console command does."""
import sys

from osmosis_dbt import main

sys.exit(main())
