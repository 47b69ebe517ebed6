using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;

namespace Integrity.Api.Baselines;

/// <summary>
/// GET /bench/baseline/workshops: <see cref="ListWorkshopsHandler.Sql"/> with the same parameters, read with a
/// DbDataReader and written with a Utf8JsonWriter, as <c>{ items, nextCursor }</c>.
/// </summary>
public static class BaselineWorkshops
{
    public static async Task ListAsync(ListWorkshops query, Caller caller, Database database, HttpResponse response, JsonWriterOptions json,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = RawSql.Command(connection, database.Dialect, ListWorkshopsHandler.Sql(query, caller, database.Dialect),
        [
            ("programmeId", query.ProgrammeId), ("administrationId", query.AdministrationId), ("from", query.From), ("to", query.To),
            ("status", query.Status), ("kind", query.Kind), ("keyFactor", query.KeyFactor), ("q", query.Q),
            .. RawSql.Page(query, DateKeys.Parse), .. RawSql.Scope(caller),
        ]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, json);
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        var row = new WorkshopRow();
        string? nextCursor = null;
        for (var written = 0; await reader.ReadAsync(cancellationToken); written++)
        {
            if (written == query.PageSize())
            {
                nextCursor = DateKeys.Of(row.StartsOn, row.Id).Encode();
                break;
            }
            row.Read(reader);
            writer.WriteStartObject();
            row.WriteFields(writer);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("nextCursor", nextCursor);
        writer.WriteEndObject();
    }
}
