using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Http;

namespace Integrity.Api.Baselines;

/// <summary>
/// GET /bench/baseline/participants: <see cref="ListParticipantsHandler.Sql"/> with the same parameters, written as the
/// API writes a page of <see cref="ParticipantSummary"/> (its own fields first, then the person's).
/// </summary>
public static class BaselineParticipants
{
    public static async Task ListAsync(ListParticipants query, Caller caller, Database database, HttpResponse response, JsonWriterOptions json,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var words = PersonNames.Words(query.Q ?? "");
        await using var command = RawSql.Command(connection, database.Dialect, ListParticipantsHandler.Sql(query, caller, database.Dialect),
        [
            ("administrationId", query.AdministrationId), ("workshopId", query.WorkshopId), ("sex", query.Sex),
            ("staffNumber", PersonKeys.StaffNumberOf(query.Q)), ("email", PersonKeys.EmailOf(query.Q)),
            .. words.Select((word, i) => ($"word{i}", (object?)word)), .. RawSql.Page(query), .. RawSql.Scope(caller),
        ]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, json);
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        (string Name, Guid Id) last = ("", Guid.Empty);
        string? nextCursor = null;
        for (var written = 0; await reader.ReadAsync(cancellationToken); written++)
        {
            if (written == query.PageSize())
            {
                nextCursor = new Keyset(last.Name, last.Id).Encode();
                break;
            }
            // Ordinals of ParticipantSummary.Select: id, the person's columns, administration names, email, staff number, version.
            last = (reader.GetString(3), reader.GetGuid(0));
            writer.WriteStartObject();
            writer.WriteString("id", reader.GetGuid(0));
            writer.WriteString("administrationNameEn", reader.GetString(9));
            writer.WriteString("administrationNameFr", reader.GetString(10));
            writer.WriteText("email", reader, 11);
            writer.WriteText("staffNumber", reader, 12);
            writer.WriteNumber("version", reader.GetInt32(13));
            writer.WriteString("familyName", reader.GetString(1));
            writer.WriteString("givenNames", reader.GetString(2));
            writer.WriteString("sex", RawJson.EnumName<Sex>(reader.GetString(4)));
            writer.WriteString("administrationId", reader.GetGuid(5));
            writer.WriteString("countryCode", reader.GetString(6));
            writer.WriteString("service", RawJson.EnumName<Service>(reader.GetString(7)));
            writer.WriteText("position", reader, 8);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("nextCursor", nextCursor);
        writer.WriteEndObject();
    }
}
