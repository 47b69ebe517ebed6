using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Integrity.Api.Data;

/// <summary>
/// How values that the databases store differently reach our records. Dapper's handlers are
/// process-wide, so each writes text only into SQLite parameters and leaves every other provider's
/// parameters native.
/// </summary>
public static class TypeHandlers
{
    private static int registeredForAll;
    private static int registeredForSqlite;

    /// <summary>
    /// Dates, instants and decimals: SQLite keeps ISO 8601 text and loosely typed numbers; Npgsql and
    /// SqlClient read <c>date</c> and <c>timestamptz</c> back as DateTime, which Dapper cannot put in
    /// DateOnly or DateTimeOffset.
    /// </summary>
    public static void RegisterForAllDatabases()
    {
        if (Interlocked.Exchange(ref registeredForAll, 1) == 1) return;
        Replace(new DateOnlyHandler());
        Replace(new InstantHandler());
        Replace(new DecimalHandler());
    }

    /// <summary>SQLite has no uuid type: ids are lowercase TEXT, which sorts like the uuid it spells.</summary>
    public static void RegisterForSqlite()
    {
        if (Interlocked.Exchange(ref registeredForSqlite, 1) == 1) return;
        Replace(new GuidHandler());
    }

    /// <summary>An id as read from any database: SQLite's text, a blob, or the provider's own Guid.</summary>
    public static Guid ToGuid(object value) => value switch
    {
        string text => Guid.Parse(text),
        byte[] bytes => new Guid(bytes),
        _ => (Guid)value,
    };

    /// <summary>A day as read from any database: SQLite's ISO 8601 text, or a DateTime.</summary>
    public static DateOnly ToDay(object value) => value switch
    {
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => (DateOnly)value,
    };

    /// <summary>A number as the figure it is (4, 7.5, 25), whatever its scale or SQLite's storage class.</summary>
    public static decimal ToFigure(object value) => Figure(Convert.ToDecimal(value, CultureInfo.InvariantCulture));

    /// <summary>12.50 as 12.5, 6.0 as 6: the same value with no trailing zeros in its scale, so it reads the same in every format.</summary>
    // Dividing by 1.000… drops trailing zeros of the scale without changing the value.
    public static decimal Figure(decimal value) => value / 1.000000000000000000000000000000000m;

    private static void Replace<T>(SqlMapper.TypeHandler<T> handler) where T : struct
    {
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(T?));
        SqlMapper.AddTypeHandler(handler);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => ToGuid(value);
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value;
            }
        }

        public override DateOnly Parse(object value) => ToDay(value);
    }

    /// <summary>
    /// SQLite hands a NUMERIC column back as an integer or a real, row by row (4 and 7.5); PostgreSQL keeps the
    /// column's scale (25.0000). Either way a figure reads as the number it is: 4, 7.5, 25.
    /// </summary>
    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }

        public override decimal Parse(object value) => ToFigure(value);
    }

    /// <summary>Instants are stored in UTC; SQLite keeps them as round-trip ISO 8601 text.</summary>
    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value.ToUniversalTime();
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            _ => ((DateTimeOffset)value).ToUniversalTime(),
        };
    }
}
