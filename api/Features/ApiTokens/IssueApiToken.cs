using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ApiTokens;

/// <summary>A read-only API token for a donor's analyst.</summary>
/// <param name="DonorId">The donor it speaks for; it sees only the programmes that donor funds.</param>
/// <param name="Name">What it is for, e.g. <c>Norad results dashboard</c>.</param>
/// <param name="ExpiresOn">Its last valid day (UTC); at most two years away.</param>
public sealed record IssueApiToken(
    [property: System.ComponentModel.DataAnnotations.Required] Guid? DonorId, string Name,
    [property: System.ComponentModel.DataAnnotations.Required] DateOnly? ExpiresOn)
    : ICommand<IssuedApiToken>;

/// <summary>The token itself, shown this once: only its hash is kept.</summary>
public sealed record IssuedApiToken(Guid Id, string Token, DateTimeOffset ExpiresAt) : ICreatesRecord;

public sealed class IssueApiTokenValidator : AbstractValidator<IssueApiToken>
{
    public IssueApiTokenValidator(TimeProvider clock)
    {
        RuleFor(x => x.DonorId).NotNull();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.ExpiresOn).NotNull()
            .Must(day => day >= Today.Of(clock)).WithMessage(_ => Messages.ExpiryPassed)
            .Must(day => day <= Today.Of(clock).AddYears(2)).WithMessage(_ => Messages.TokenAtMostTwoYears);
    }
}

public sealed class IssueApiTokenAccess : AdministratorsOnly<IssueApiToken>;

public sealed class IssueApiTokenHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<IssueApiToken, IssuedApiToken>
{
    private const string Insert = """
        INSERT INTO api_tokens (id, donor_id, name, token_hash, created_at, created_by, expires_at)
        VALUES (@id, @donorId, @name, @tokenHash, @createdAt, @createdBy, @expiresAt)
        """;

    public async ValueTask<IssuedApiToken> Handle(IssueApiToken command, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        await db.RequireUsableAsync(caller, RecordKind.Donor, command.DonorId, nameof(IssueApiToken.DonorId), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);

        var id = Guid.CreateVersion7();
        var token = Identity.ApiTokens.New();
        var expiresAt = new DateTimeOffset(command.ExpiresOn!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await db.ExecuteAsync(Insert, new
        {
            id,
            donorId = command.DonorId,
            name = command.Name.Trim(),
            tokenHash = Identity.ApiTokens.Hash(token),
            createdAt = AuditTrail.Stored(clock.GetUtcNow()),
            createdBy = caller.UserId,
            expiresAt,
        }, cancellationToken);
        return new IssuedApiToken(id, token, expiresAt);
    }
}
