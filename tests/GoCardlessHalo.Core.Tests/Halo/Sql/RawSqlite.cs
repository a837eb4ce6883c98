// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>Plain SQL against an embedded database file, to arrange odd schemas and to check what was really stored.</summary>
internal static class RawSqlite
{
    public static async Task ExecuteAsync(SqlOptions options, string sql)
    {
        using var connection = Open(options);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(SqlOptions options, string sql)
    {
        using var connection = Open(options);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static async Task<long> CountAsync(SqlOptions options, string table) => (long)(await ScalarAsync(options, "SELECT COUNT(*) FROM " + table))!;

    public static async Task<List<object?[]>> RowsAsync(SqlOptions options, string sql)
    {
        using var connection = Open(options);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    private static SqliteConnection Open(SqlOptions options)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
