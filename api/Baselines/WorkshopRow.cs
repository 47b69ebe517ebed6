using System.Data.Common;
using System.Text.Json;
using Integrity.Api.Features.Workshops;

namespace Integrity.Api.Baselines;

/// <summary>
/// A row of <see cref="WorkshopSummary.Select"/> read by ordinal, and written as the API writes a
/// <see cref="WorkshopSummary"/>. Held as values because a workshop's details write these fields last.
/// </summary>
public sealed class WorkshopRow
{
    private Guid id, programmeId, hostAdministrationId;
    private string programmeCode = "", kind = "", title = "", hostNameEn = "", hostNameFr = "", countryCode = "", city = "", language = "", status = "";
    private string? outcomeNotes;
    private DateOnly startsOn, endsOn;
    private int participantCount, sessionCount, version;

    public Guid Id => id;
    public DateOnly StartsOn => startsOn;
    public string? OutcomeNotes => outcomeNotes;

    public void Read(DbDataReader reader)
    {
        id = reader.GetGuid(0);
        programmeId = reader.GetGuid(1);
        programmeCode = reader.GetString(2);
        kind = RawJson.EnumName<WorkshopKind>(reader.GetString(3));
        title = reader.GetString(4);
        startsOn = reader.GetFieldValue<DateOnly>(5);
        endsOn = reader.GetFieldValue<DateOnly>(6);
        hostAdministrationId = reader.GetGuid(7);
        hostNameEn = reader.GetString(8);
        hostNameFr = reader.GetString(9);
        countryCode = reader.GetString(10);
        city = reader.GetString(11);
        language = reader.GetString(12);
        status = RawJson.EnumName<WorkshopStatus>(reader.GetString(13));
        outcomeNotes = reader.IsDBNull(14) ? null : reader.GetString(14);
        participantCount = (int)reader.GetInt64(15);
        sessionCount = (int)reader.GetInt64(16);
        version = reader.GetInt32(17);
    }

    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("id", id);
        writer.WriteString("programmeId", programmeId);
        writer.WriteString("programmeCode", programmeCode);
        writer.WriteString("kind", kind);
        writer.WriteString("title", title);
        writer.WriteDay("startsOn", startsOn);
        writer.WriteDay("endsOn", endsOn);
        writer.WriteString("hostAdministrationId", hostAdministrationId);
        writer.WriteString("hostAdministrationNameEn", hostNameEn);
        writer.WriteString("hostAdministrationNameFr", hostNameFr);
        writer.WriteString("countryCode", countryCode);
        writer.WriteString("city", city);
        writer.WriteString("language", language);
        writer.WriteString("status", status);
        writer.WriteNumber("participantCount", participantCount);
        writer.WriteNumber("sessionCount", sessionCount);
        writer.WriteNumber("version", version);
    }
}
