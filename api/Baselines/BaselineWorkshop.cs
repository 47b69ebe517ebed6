using System.Data.Common;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;

namespace Integrity.Api.Baselines;

/// <summary>
/// GET /bench/baseline/workshops/{id}: the queries of <see cref="GetWorkshopHandler"/> and
/// <see cref="WorkshopDetails.WithChildrenAsync"/> on one connection, written as the API writes a <see cref="WorkshopDetails"/>
/// (its own fields first, then the summary's).
/// </summary>
public static class BaselineWorkshop
{
    public static async Task GetAsync(Guid id, Caller caller, Database database, HttpResponse response, JsonWriterOptions json,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var workshop = new WorkshopRow();
        await using (var command = RawSql.Command(connection, database.Dialect, GetWorkshopHandler.Sql(caller), [("id", id), .. RawSql.Scope(caller)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            workshop.Read(reader);
        }

        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, json);
        writer.WriteStartObject();
        writer.WriteString("outcomeNotes", workshop.OutcomeNotes);
        var others = 0;
        writer.WriteStartArray("administrations");
        await ForEachRowAsync(connection, database, WorkshopDetails.AdministrationsOf, ("id", id), reader =>
        {
            others++;
            writer.WriteStartObject();
            writer.WriteString("id", reader.GetGuid(0));
            writer.WriteString("nameEn", reader.GetString(1));
            writer.WriteString("nameFr", reader.GetString(2));
            writer.WriteEndObject();
        }, cancellationToken);
        writer.WriteEndArray();
        writer.WriteStartArray("keyFactorCodes");
        await ForEachRowAsync(connection, database, WorkshopDetails.KeyFactorsOf, ("id", id), reader => writer.WriteStringValue(reader.GetString(0)), cancellationToken);
        writer.WriteEndArray();
        writer.WriteStartArray("partners");
        await ForEachRowAsync(connection, database, WorkshopDetails.PartnersOf, ("id", id), reader => writer.WriteStringValue(reader.GetString(0)), cancellationToken);
        writer.WriteEndArray();
        writer.WriteString("scope", others > 0 ? "regional" : "national");
        await WriteSessionsAsync(connection, database, writer, id, cancellationToken);
        workshop.WriteFields(writer);
        writer.WriteEndObject();
    }

    /// <summary>The sessions, then their trainers in one query, as <see cref="SessionDetails.OfWorkshopAsync"/> reads them.</summary>
    private static async Task WriteSessionsAsync(DbConnection connection, Database database, Utf8JsonWriter writer, Guid workshopId, CancellationToken cancellationToken)
    {
        var sessions = new List<(Guid Id, Guid ModuleId, string Code, string TitleEn, string TitleFr, decimal Hours, DateOnly HeldOn, int Version)>();
        await ForEachRowAsync(connection, database, SessionDetails.Select, ("workshopId", workshopId), reader => sessions.Add((reader.GetGuid(0),
            reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDecimal(5), reader.GetFieldValue<DateOnly>(6),
            reader.GetInt32(7))), cancellationToken);
        var trainers = new List<(Guid SessionId, Guid Id, string FullName)>();
        await ForEachRowAsync(connection, database, SessionDetails.TrainersOf, ("workshopId", workshopId),
            reader => trainers.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2))), cancellationToken);
        var bySession = trainers.ToLookup(trainer => trainer.SessionId);

        writer.WriteStartArray("sessions");
        foreach (var session in sessions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", session.Id);
            writer.WriteString("moduleId", session.ModuleId);
            writer.WriteString("moduleCode", session.Code);
            writer.WriteString("moduleTitleEn", session.TitleEn);
            writer.WriteString("moduleTitleFr", session.TitleFr);
            writer.WriteFigure("hours", session.Hours);
            writer.WriteDay("heldOn", session.HeldOn);
            writer.WriteStartArray("trainers");
            foreach (var trainer in bySession[session.Id])
            {
                writer.WriteStartObject();
                writer.WriteString("id", trainer.Id);
                writer.WriteString("fullName", trainer.FullName);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteNumber("version", session.Version);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static async Task ForEachRowAsync(DbConnection connection, Database database, string sql, (string, object?) parameter,
        Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(connection, database.Dialect, sql, [parameter]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) read(reader);
    }
}
