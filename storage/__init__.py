"""The database: typed models, migrations, repositories and ledger exports."""
