// placeholder until the SQLite store lands
