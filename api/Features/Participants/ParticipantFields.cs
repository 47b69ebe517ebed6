using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Participants;

/// <summary>The fields of a person in the registry, as registering, enrolling a new person and updating send them.</summary>
public interface IPersonFields
{
    string? FamilyName { get; }
    string? GivenNames { get; }
    Sex? Sex { get; }
    Guid? AdministrationId { get; }
    Service? Service { get; }
    string? Position { get; }
    string? Email { get; }
    string? StaffNumber { get; }
}

public class PersonFieldsValidator<T> : AbstractValidator<T> where T : IPersonFields
{
    /// <summary>Both names fit the 300 characters of the normalised name.</summary>
    private const int MaxNameLength = 140;

    public PersonFieldsValidator()
    {
        RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(MaxNameLength).Must(HasLetters).WithMessage(_ => Messages.FamilyNameInLetters);
        RuleFor(x => x.GivenNames).NotEmpty().MaximumLength(MaxNameLength).Must(HasLetters).WithMessage(_ => Messages.GivenNamesInLetters);
        RuleFor(x => x.Sex).NotNull().IsInEnum().WithMessage(_ => Messages.ChooseSex.With(DbEnum.Names<Sex>()));
        RuleFor(x => x.AdministrationId).NotNull();
        RuleFor(x => x.Service).NotNull().IsChoice();
        RuleFor(x => x.Position).MaximumLength(300);
        RuleFor(x => x.Email).MaximumLength(300)
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email), ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.StaffNumber).MaximumLength(40);
    }

    private static bool HasLetters(string? name) => PersonNames.Words(name ?? "").Count > 0;
}

/// <summary>What registering, enrolling a new person, updating and importing share: the row, its checks and the duplicate rules.</summary>
internal static class ParticipantWrites
{
    private const string Insert = """
        INSERT INTO participants (id, family_name, given_names, normalised_name, sex, administration_id, service, position, email, staff_number, version)
        VALUES (@id, @family_name, @given_names, @normalised_name, @sex, @administration_id, @service, @position, @email, @staff_number, @version)
        """;

    /// <summary>The participants row, by column; the version is 1 for a new person.</summary>
    public static Dictionary<string, object?> Row(Guid id, IPersonFields person)
    {
        var keys = PersonKeys.Of(person);
        return new Dictionary<string, object?>
        {
            ["id"] = id,
            ["family_name"] = person.FamilyName!.Trim(),
            ["given_names"] = person.GivenNames!.Trim(),
            ["normalised_name"] = keys.NormalisedName,
            ["sex"] = DbEnum.Name(person.Sex!.Value),
            ["administration_id"] = keys.AdministrationId,
            ["service"] = DbEnum.Name(person.Service!.Value),
            ["position"] = PersonKeys.Blank(person.Position),
            ["email"] = keys.Email,
            ["staff_number"] = keys.StaffNumber,
            ["version"] = 1,
        };
    }

    /// <summary>
    /// That the person's administration exists. Which administrations the caller may place people in is decided before:
    /// by the access rules of registering and updating (403, the same for an administration that does not exist), and by
    /// the workshop for a person enrolled on the way.
    /// </summary>
    public static async Task CheckAsync(DbSession db, IPersonFields person, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        await db.RequireKnownAsync(RecordKind.Administration, [person.AdministrationId!.Value], nameof(IPersonFields.AdministrationId), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>
    /// The duplicate rules read the registry before a new person is written: concurrent registrations take
    /// turns from here to commit, or two of them could each find nobody and register the same person twice.
    /// </summary>
    public static Task TakeTurnsRegisteringAsync(DbSession db, CancellationToken cancellationToken) =>
        db.TakeTurnsWritingAsync("participants", cancellationToken);

    /// <summary>Registers a new person, unless the registry likely holds them already and the caller did not confirm a new person.</summary>
    public static async Task<Guid> RegisterAsync(DbSession db, Caller caller, TimeProvider clock, IPersonFields person, bool confirmNewPerson,
        CancellationToken cancellationToken)
    {
        await CheckAsync(db, person, cancellationToken);
        await TakeTurnsRegisteringAsync(db, cancellationToken);
        var hidden = confirmNewPerson ? new Dictionary<Guid, IReadOnlyList<DuplicateRule>>()
            : await LikelyDuplicates.RefuseAsync(db, caller, PersonKeys.Of(person), except: null, nameof(RegisterParticipant.ConfirmNewPerson), cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new DynamicParameters(Row(id, person)), cancellationToken);
        await DuplicateReviews.RaiseAsync(db, clock, id, hidden, cancellationToken);
        return id;
    }

    /// <summary>Whether the caller works with this administration (administrators work with all).</summary>
    public static async Task<bool> CoversAdministrationAsync(DbSession db, Caller caller, Guid administrationId, CancellationToken cancellationToken) =>
        caller.IsAdministrator
        || await Scope.CoversAdministrationAsync(db, caller, administrationId, cancellationToken);
}

public sealed class NotTheirAdministrationException() : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.NotTheirAdministration);
