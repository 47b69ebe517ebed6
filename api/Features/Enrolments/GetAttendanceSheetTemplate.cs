using System.Globalization;
using CsvHelper;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Integrity.Api.Features.Enrolments;

/// <summary>An empty attendance sheet for a workshop: the columns the import reads, then one per session day.</summary>
/// <param name="Format"><c>xlsx</c> (default) or <c>csv</c>.</param>
/// <param name="Lang"><c>en</c> (default) or <c>fr</c>: the headers' language; a French CSV is separated by semicolons, as French Excel writes it.</param>
public sealed record GetAttendanceSheetTemplate(Guid WorkshopId, string? Format, string? Lang) : IQuery<SheetTemplate>;

/// <summary>The template's bytes, with its media type and file name.</summary>
public sealed record SheetTemplate(byte[] Content, string ContentType, string FileName);

public sealed class GetAttendanceSheetTemplateValidator : AbstractValidator<GetAttendanceSheetTemplate>
{
    public GetAttendanceSheetTemplateValidator()
    {
        RuleFor(x => x.Format).Must(format => format is null or "xlsx" or "csv").WithMessage(_ => Messages.XlsxOrCsv);
        RuleFor(x => x.Lang).Must(lang => lang is null or "en" or "fr").WithMessage(_ => Messages.EnOrFr);
    }
}

public sealed class GetAttendanceSheetTemplateHandler(DbSession db, Caller caller) : IQueryHandler<GetAttendanceSheetTemplate, SheetTemplate>
{
    private const string Days = "SELECT DISTINCT held_on FROM sessions WHERE workshop_id = @workshopId ORDER BY held_on";

    private static readonly string[] English = ["family_name", "given_names", "sex", "administration", "service", "position", "email", "staff_number"];
    private static readonly string[] French = ["Nom", "Prénoms", "Sexe", "Administration", "Service", "Fonction", "Courriel", "Matricule"];

    public async ValueTask<SheetTemplate> Handle(GetAttendanceSheetTemplate query, CancellationToken cancellationToken)
    {
        if (!await WorkshopScope.CoversAsync(db, caller, query.WorkshopId, cancellationToken))
            throw new NotFoundException(Messages.RecordWorkshop, query.WorkshopId);
        var french = query.Lang == "fr";
        var days = await db.QueryAsync<DateOnly>(Days, new { workshopId = query.WorkshopId }, cancellationToken);
        string[] header = [.. french ? French : English, .. days.Select(day => day.ToString(french ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        var name = french ? "feuille-de-presence" : "attendance-sheet";
        return query.Format == "csv"
            ? new SheetTemplate(Csv(header, french ? ';' : ','), $"{AttendanceSheet.CsvMediaType}; charset=utf-8", $"{name}.csv")
            : new SheetTemplate(Workbook(header), AttendanceSheet.XlsxMediaType, $"{name}.xlsx");
    }

    /// <summary>UTF-8 with a byte order mark, which Excel needs to show accents right.</summary>
    private static byte[] Csv(string[] header, char separator)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = separator, WriteByteOrderMark = true }, leaveOpen: true))
            csv.WriteRecord(header);
        return stream.ToArray();
    }

    private static byte[] Workbook(string[] header)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { header.Select((title, i) => (Key: $"c{i}", Title: (object)title)).ToDictionary(cell => cell.Key, cell => cell.Title) },
            printHeader: false);
        return stream.ToArray();
    }
}
