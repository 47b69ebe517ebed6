using System.Text.Json;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Refuses to register a likely duplicate (see <see cref="KnownPersons"/>) unless the caller confirms a new
/// person. The 409 lists the candidates the caller may see. A likely match outside the caller's scope is never
/// confirmed to her, not even as "someone exists": it does not block, and goes to the administrators' review
/// list instead (<see cref="DuplicateReviews"/>).
/// </summary>
public static class LikelyDuplicates
{
    // Through the indexes on (administration_id, staff_number), (administration_id, normalised_name) and email.
    private static readonly string Candidates = $$"""
        SELECT p.id, p.family_name, p.given_names, p.normalised_name, p.administration_id, a.name_en AS administration_name_en,
               a.name_fr AS administration_name_fr, {{DbEnum.Column("p.service", "service")}}, p.position, p.email, p.staff_number,
               CASE WHEN {0} THEN 1 ELSE 0 END AS in_scope
        FROM participants p JOIN administrations a ON a.id = p.administration_id
        WHERE (p.administration_id = @administrationId AND (p.staff_number = @staffNumber OR p.normalised_name = @normalisedName))
           OR p.email = @email
        """;

    /// <param name="confirmedBy">The request's field that registers or keeps the person anyway, named in the 409.</param>
    /// <returns>The likely matches outside the caller's scope, to raise for review once the person is written.</returns>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DuplicateRule>>> RefuseAsync(DbSession db, Caller caller, PersonKeys person, Guid? except, string confirmedBy, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<DuplicateCandidate>(string.Format(Candidates, Scope.Participants(caller, "p") ?? "1 = 1"),
            Scope.Parameters(caller, new
            {
                administrationId = person.AdministrationId, normalisedName = person.NormalisedName, email = person.Email, staffNumber = person.StaffNumber,
            }), cancellationToken);
        var known = new KnownPersons();
        foreach (var row in rows.Where(row => row.Id != except))
            known.Add(row.Id, new PersonKeys(row.AdministrationId, row.NormalisedName, row.Email, row.StaffNumber));
        var found = known.Find(person);
        var candidates = rows.Where(row => found.ContainsKey(row.Id)).ToList();
        var seen = candidates.Where(candidate => candidate.InScope).Select(candidate => candidate with { MatchedOn = found[candidate.Id] }).ToList();
        if (seen.Count > 0) throw new LikelyDuplicateException(seen, confirmedBy);
        return found;
    }

    /// <summary>
    /// Answers a <see cref="LikelyDuplicateException"/> as a 409 problem with its <c>candidates</c> and <c>candidatesOutsideScope</c>,
    /// and documents that 409 as a <see cref="LikelyDuplicateProblem"/>.
    /// </summary>
    public static RouteHandlerBuilder WithDuplicateCandidates(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<LikelyDuplicateProblem>(StatusCodes.Status409Conflict, "application/problem+json")
        .AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (LikelyDuplicateException duplicate)
            {
                return TypedResults.Problem(duplicate.Message, statusCode: duplicate.Status, title: duplicate.Title,
                    extensions: new Dictionary<string, object?>
                    {
                        [Camel(nameof(LikelyDuplicateProblem.Candidates))] = duplicate.Candidates,
                        [Camel(nameof(LikelyDuplicateProblem.CandidatesOutsideScope))] = false,
                    });
            }
        });

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>
/// The 409 of a likely duplicate, as the OpenAPI document describes it: a problem (with its <c>traceId</c>) that also
/// lists the people the caller may see whom the registration likely is. Answered through problem details' extensions.
/// The operation's other conflicts (a request with the same Idempotency-Key still running, a cancelled workshop) are
/// plain problems, without these two fields.
/// </summary>
public sealed class LikelyDuplicateProblem : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    /// <summary>The registered people, within the caller's scope, this person likely is.</summary>
    public IReadOnlyList<DuplicateCandidate>? Candidates { get; init; }
    /// <summary>Always false: a likely match outside the caller's scope is never confirmed to the caller (an administrator reviews it). Kept for clients that read it.</summary>
    public bool? CandidatesOutsideScope { get; init; }
}

/// <summary>A registered person that a new registration is likely to be, as a 409 problem lists it under <c>candidates</c>.</summary>
public sealed record DuplicateCandidate
{
    public required Guid Id { get; init; }
    public required string FamilyName { get; init; }
    public required string GivenNames { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required string AdministrationNameFr { get; init; }
    public required Service Service { get; init; }
    public string? Position { get; init; }
    /// <summary>What the registration has in common with this person: staff_number, email, name.</summary>
    public IReadOnlyList<DuplicateRule> MatchedOn { get; init; } = [];
    [JsonIgnore] public string NormalisedName { get; init; } = "";
    [JsonIgnore] public string? Email { get; init; }
    [JsonIgnore] public string? StaffNumber { get; init; }
    [JsonIgnore] public bool InScope { get; init; }
}

public sealed class LikelyDuplicateException(IReadOnlyList<DuplicateCandidate> candidates, string confirmedBy)
    : ProblemException(StatusCodes.Status409Conflict, Messages.TitleLikelyDuplicate,
        Messages.LikelyDuplicate.With(JsonNamingPolicy.CamelCase.ConvertName(confirmedBy)))
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;
}
