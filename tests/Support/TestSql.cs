using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integrity.Tests;

/// <summary>Plain SQL on a test database, for what no API may do: tampering, ageing a token, reading hashes.</summary>
public static class TestSql
{
    public static async Task<DbConnection> OpenAsync(TestDatabase database)
    {
        DbConnection connection = database.Provider == "sqlite"
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<object?> ScalarAsync(TestDatabase database, string sql, params (string name, object value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Every row of a query, each as its column values.</summary>
    public static async Task<List<object?[]>> RowsAsync(TestDatabase database, string sql, params (string name, object value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add([.. values.Select(value => value is DBNull ? null : value)]);
        }
        return rows;
    }

    public static async Task<int> ExecuteAsync(TestDatabase database, string sql, params (string name, object value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string name, object value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = connection is SqliteConnection && value is Guid id ? id.ToString("D") : value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
