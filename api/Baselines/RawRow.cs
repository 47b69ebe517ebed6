using System.Data.Common;
using System.Globalization;
using Integrity.Api.Data;

namespace Integrity.Api.Baselines;

/// <summary>
/// The current row of a DbDataReader read by column name, as Dapper fills a record: names matched ignoring case (the
/// SQL's snake_case), each value converted as <see cref="TypeHandlers"/> converts it (ids stored as TEXT on SQLite,
/// days, figures), enums parsed ignoring case as <see cref="DbEnum.Column"/> selects them. A column the query does
/// not select reads as null, as a record's optional member stays unset.
/// </summary>
public sealed class RawRow
{
    private readonly DbDataReader reader;
    private readonly Dictionary<string, int> ordinals = new(StringComparer.OrdinalIgnoreCase);

    public RawRow(DbDataReader reader)
    {
        this.reader = reader;
        for (var i = 0; i < reader.FieldCount; i++) ordinals.TryAdd(reader.GetName(i), i);
    }

    /// <summary>The column's value; null when it is NULL or not selected.</summary>
    public object? this[string column] => ordinals.TryGetValue(column, out var i) && !reader.IsDBNull(i) ? reader.GetValue(i) : null;

    private object Required(string column) => this[column] ?? throw new InvalidOperationException($"The column {column} is NULL or missing.");

    public Guid Id(string column) => TypeHandlers.ToGuid(Required(column));
    public Guid? OptionalId(string column) => this[column] is { } value ? TypeHandlers.ToGuid(value) : null;
    public string Text(string column) => (string)Required(column);
    public string? OptionalText(string column) => (string?)this[column];
    public decimal Figure(string column) => TypeHandlers.ToFigure(Required(column));
    public decimal? OptionalFigure(string column) => this[column] is { } value ? TypeHandlers.ToFigure(value) : null;
    public DateOnly Day(string column) => TypeHandlers.ToDay(Required(column));
    public int Number(string column) => Convert.ToInt32(Required(column), CultureInfo.InvariantCulture);
    public bool Flag(string column) => Convert.ToBoolean(Required(column), CultureInfo.InvariantCulture);
    public T Enum<T>(string column) where T : struct, Enum => System.Enum.Parse<T>(Text(column), ignoreCase: true);
    public T? OptionalEnum<T>(string column) where T : struct, Enum => OptionalText(column) is { } text ? System.Enum.Parse<T>(text, ignoreCase: true) : null;
}
