using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Results;

/// <summary>A reporting period of a programme: within the programme's dates, overlapping none of its other periods.</summary>
/// <param name="Label">Unique within the programme, e.g. <c>2024</c> or <c>2024-H1</c>.</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day; not before <c>startsOn</c>.</param>
public sealed record DefineReportingPeriod(string Label, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn)
    : ICommand<RecordCreated>, IProgrammeCommand
{
    [JsonIgnore] public Guid ProgrammeId { get; init; }
}

public sealed class DefineReportingPeriodValidator : AbstractValidator<DefineReportingPeriod>
{
    public DefineReportingPeriodValidator()
    {
        RuleFor(x => x.Label).NotEmpty().MaximumLength(100);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.EndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.PeriodEndsBeforeStart);
    }
}

/// <summary>Administrators, and coordinators whose scope covers the programme.</summary>
public sealed class DefineReportingPeriodAccess(DbSession db) : ProgrammeCoordinators<DefineReportingPeriod>(db);

public sealed class DefineReportingPeriodHandler(DbSession db) : ICommandHandler<DefineReportingPeriod, RecordCreated>
{
    // Writing the programme's row makes two periods defined at once for one programme take turns, so the
    // second sees the first when it looks for an overlap (no index can refuse overlapping date ranges everywhere).
    private const string HoldProgramme = "UPDATE programmes SET version = version WHERE id = @programmeId";
    private const string ProgrammeDays = "SELECT starts_on, ends_on FROM programmes WHERE id = @programmeId";
    private const string HolderOfLabel = "SELECT id FROM reporting_periods WHERE programme_id = @programmeId AND label = @label";
    private const string Overlapping = """
        SELECT label, starts_on, ends_on FROM reporting_periods
        WHERE programme_id = @programmeId AND starts_on <= @endsOn AND ends_on >= @startsOn
        ORDER BY starts_on
        """;
    private const string Insert = """
        INSERT INTO reporting_periods (id, programme_id, label, starts_on, ends_on, version)
        VALUES (@id, @programmeId, @label, @startsOn, @endsOn, 1)
        """;

    public async ValueTask<RecordCreated> Handle(DefineReportingPeriod command, CancellationToken cancellationToken)
    {
        var period = new { programmeId = command.ProgrammeId, label = command.Label.Trim(), startsOn = command.StartsOn, endsOn = command.EndsOn };
        if (await db.ExecuteAsync(HoldProgramme, period, cancellationToken) == 0) throw new NotFoundException(Messages.RecordProgramme, command.ProgrammeId);
        var programme = (await db.QueryAsync<Days>(ProgrammeDays, period, cancellationToken))[0];
        var outside = new List<ValidationFailure>();
        if (command.StartsOn < programme.StartsOn) outside.Add(new(nameof(command.StartsOn), Messages.PeriodWithinProgramme.With(programme)));
        if (command.EndsOn > programme.EndsOn) outside.Add(new(nameof(command.EndsOn), Messages.PeriodWithinProgramme.With(programme)));
        if (outside.Count > 0) throw new ValidationException(outside);
        await db.RefuseDuplicateAsync(HolderOfLabel, period, except: null,
            Messages.PeriodLabelTaken.With(period.label), cancellationToken);
        if ((await db.QueryAsync<Days>(Overlapping, period, cancellationToken)).FirstOrDefault() is { } other)
            throw new ConflictException(Messages.PeriodOverlaps.With(other.Label, other));

        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, period.programmeId, period.label, period.startsOn, period.endsOn }, cancellationToken);
        return new RecordCreated(id, 1);
    }

    private sealed record Days
    {
        public string? Label { get; init; }
        public required DateOnly StartsOn { get; init; }
        public required DateOnly EndsOn { get; init; }

        public override string ToString() => $"{StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}";
    }
}
