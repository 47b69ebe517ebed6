using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Workshops;

/// <summary>What recording and updating a workshop both send.</summary>
public interface IWorkshopFields
{
    Guid? ProgrammeId { get; }
    WorkshopKind? Kind { get; }
    string Title { get; }
    DateOnly? StartsOn { get; }
    DateOnly? EndsOn { get; }
    Guid? HostAdministrationId { get; }
    string City { get; }
    string Language { get; }
    WorkshopStatus? Status { get; }
    IReadOnlyList<Guid>? AdministrationIds { get; }
    IReadOnlyList<string>? KeyFactorCodes { get; }
    IReadOnlyList<string>? Partners { get; }
    string? OutcomeNotes { get; }
}

public class WorkshopFieldsValidator<T> : AbstractValidator<T> where T : IWorkshopFields
{
    public WorkshopFieldsValidator()
    {
        RuleFor(x => x.ProgrammeId).NotNull();
        RuleFor(x => x.Kind).NotNull().IsChoice();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.EndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.WorkshopEndsBeforeStart);
        RuleFor(x => x.HostAdministrationId).NotNull();
        RuleFor(x => x.City).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Language).NotEmpty().Matches("^[a-z]{2}$").WithMessage(_ => Messages.LanguageCode);
        RuleFor(x => x.Status).IsChoice();
        RuleForEach(x => x.KeyFactorCodes).Matches("^RAD-(0[1-9]|10)$").WithMessage(_ => Messages.KeyFactorCodes);
        RuleForEach(x => x.Partners).NotEmpty().MaximumLength(300);
        RuleFor(x => x.OutcomeNotes).MaximumLength(4000);
    }
}

/// <summary>What recording and updating a workshop both do: check where it is placed, and record its lists.</summary>
internal static class WorkshopWrites
{
    private const string AddAdministration = "INSERT INTO workshop_administrations (workshop_id, administration_id) VALUES (@workshopId, @administrationId)";
    private const string AddKeyFactor = "INSERT INTO workshop_key_factors (workshop_id, key_factor_code) VALUES (@workshopId, @code)";
    private const string AddPartner = "INSERT INTO workshop_partners (workshop_id, name) VALUES (@workshopId, @name)";
    private const string Unlink = """
        DELETE FROM workshop_administrations WHERE workshop_id = @workshopId;
        DELETE FROM workshop_key_factors WHERE workshop_id = @workshopId;
        DELETE FROM workshop_partners WHERE workshop_id = @workshopId
        """;

    /// <summary>
    /// The programme, the host and every administration taking part are each in the caller's scope (one of them is not
    /// enough: a coordinator of Mali cannot place a workshop in a programme that does not cover Mali), and the programme
    /// covers the host and the others, so a workshop's figures count only where its programme works.
    /// </summary>
    public static async Task CheckAsync(DbSession db, Caller caller, IWorkshopFields workshop, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        var programme = workshop.ProgrammeId!.Value;
        var host = workshop.HostAdministrationId!.Value;
        var others = Distinct(workshop.AdministrationIds);
        await db.RequireUsableAsync(caller, RecordKind.Programme, programme, nameof(IWorkshopFields.ProgrammeId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Administration, host, nameof(IWorkshopFields.HostAdministrationId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Administration, others, nameof(IWorkshopFields.AdministrationIds), failures, cancellationToken);
        if (failures.Count == 0)
        {
            await db.RequireCoveredAsync(programme, [host], nameof(IWorkshopFields.HostAdministrationId), failures, cancellationToken);
            await db.RequireCoveredAsync(programme, others, nameof(IWorkshopFields.AdministrationIds), failures, cancellationToken);
        }
        var codes = Distinct(workshop.KeyFactorCodes);
        if (codes.Count > 0)
        {
            var known = await db.QueryAsync<string>($"SELECT code FROM key_factors WHERE {db.Dialect.InIds("code", "codes")}",
                new { codes = codes.ToArray() }, cancellationToken);
            if (codes.Except(known).ToList() is { Count: > 0 } unknown)
                failures.Add(new ValidationFailure(nameof(IWorkshopFields.KeyFactorCodes), Messages.UnknownKeyFactor.With(string.Join(", ", unknown))));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>The parameters of the workshops row.</summary>
    public static object Row(Guid id, IWorkshopFields workshop) => new
    {
        id,
        programmeId = workshop.ProgrammeId,
        kind = DbEnum.Name(workshop.Kind!.Value),
        title = workshop.Title.Trim(),
        startsOn = workshop.StartsOn,
        endsOn = workshop.EndsOn,
        hostAdministrationId = workshop.HostAdministrationId,
        city = workshop.City.Trim(),
        language = workshop.Language,
        status = DbEnum.Name(workshop.Status ?? WorkshopStatus.Planned),
        outcomeNotes = workshop.OutcomeNotes,
    };

    public static async Task LinkAsync(DbSession db, Guid workshopId, IWorkshopFields workshop, CancellationToken cancellationToken)
    {
        var host = workshop.HostAdministrationId!.Value;
        await db.ExecuteAsync(AddAdministration, Distinct(workshop.AdministrationIds).Where(id => id != host)
            .Select(administrationId => new { workshopId, administrationId }).ToList(), cancellationToken);
        await db.ExecuteAsync(AddKeyFactor, Distinct(workshop.KeyFactorCodes).Select(code => new { workshopId, code }).ToList(), cancellationToken);
        await db.ExecuteAsync(AddPartner, Distinct(workshop.Partners?.Select(name => name.Trim()).ToList())
            .Select(name => new { workshopId, name }).ToList(), cancellationToken);
    }

    public static Task UnlinkAsync(DbSession db, Guid workshopId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Unlink, new { workshopId }, cancellationToken);

    private static List<T> Distinct<T>(IReadOnlyList<T>? values) => (values ?? []).Distinct().ToList();
}
