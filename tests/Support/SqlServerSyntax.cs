using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Integrity.Tests;

/// <summary>T-SQL syntax check with Microsoft's own parser, since no SQL Server runs here.</summary>
public static class SqlServerSyntax
{
    public static IReadOnlyList<string> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(error => $"line {error.Line}: {error.Message}").ToList();
    }
}
