using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Programmes;

/// <summary>A programme, such as A-CIP or WACAM, funded by one or more donors over a period.</summary>
/// <param name="Code">Short unique code, e.g. <c>A-CIP</c>.</param>
/// <param name="Name">Full name, e.g. <c>Anti-Corruption and Integrity Promotion Programme</c>.</param>
/// <param name="StartsOn">First day of the programme (ISO 8601 date).</param>
/// <param name="EndsOn">Last day of the programme; not before <c>startsOn</c>.</param>
/// <param name="DonorIds">The donors that fund it: at least one.</param>
/// <param name="AdministrationIds">The customs administrations it works with (its country projects); may be empty.</param>
public sealed record RegisterProgramme(string Code, string Name, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    IReadOnlyList<Guid> DonorIds, IReadOnlyList<Guid>? AdministrationIds = null)
    : ICommand<RecordCreated>, IProgrammeFields;

public interface IProgrammeFields
{
    string Code { get; }
    string Name { get; }
    DateOnly? StartsOn { get; }
    DateOnly? EndsOn { get; }
    IReadOnlyList<Guid> DonorIds { get; }
    IReadOnlyList<Guid>? AdministrationIds { get; }
}

public class ProgrammeFieldsValidator<T> : AbstractValidator<T> where T : IProgrammeFields
{
    public ProgrammeFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage("Use letters, digits, '.', '_' or '-' only, e.g. A-CIP.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.EndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The programme cannot end before it starts.");
        RuleFor(x => x.DonorIds).NotEmpty().WithMessage("Name at least one donor that funds the programme.")
            .Must(ids => ids.Distinct().Count() == ids.Count)
            .WithMessage("A donor is listed twice.");
        RuleFor(x => x.AdministrationIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.AdministrationIds is not null)
            .WithMessage("An administration is listed twice.");
    }
}

public sealed class RegisterProgrammeValidator : ProgrammeFieldsValidator<RegisterProgramme>;

public sealed class RegisterProgrammeAccess : AdministratorsOnly<RegisterProgramme>;

public sealed class RegisterProgrammeHandler(DbSession db) : ICommandHandler<RegisterProgramme, RecordCreated>
{
    private const string Insert = """
        INSERT INTO programmes (id, code, name, starts_on, ends_on, version)
        VALUES (@id, @code, @name, @startsOn, @endsOn, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterProgramme command, CancellationToken cancellationToken)
    {
        await ProgrammeWrites.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, code = command.Code, name = command.Name, startsOn = command.StartsOn, endsOn = command.EndsOn }, cancellationToken);
        await ProgrammeWrites.LinkAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
