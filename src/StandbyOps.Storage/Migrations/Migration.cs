namespace StandbyOps.Storage.Migrations;

/// <summary>One versioned schema change. SQL stays portable (SQLite and PostgreSQL): TEXT ids and instants, BIGINT counters.</summary>
public sealed record Migration(int Version, string Name, string Sql);
