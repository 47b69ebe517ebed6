using System.ComponentModel.DataAnnotations;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Modules;

/// <summary>A training module of the catalogue, such as "The Revised Arusha Declaration in practice in your daily work".</summary>
/// <param name="Code">Short unique code, e.g. <c>RAD-PRACTICE</c>.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleFr">French title.</param>
/// <param name="Hours">How long it takes to deliver, in hours: more than 0, at most 200, with at most two decimals.</param>
/// <param name="KeyFactorCodes">The key factors it covers, RAD-01 to RAD-10 (see GET /api/v1/key-factors): at least one.</param>
public sealed record RegisterModule(string Code, string TitleEn, string TitleFr, [property: Required] decimal? Hours, IReadOnlyList<string> KeyFactorCodes)
    : ICommand<RecordCreated>, IModuleFields;

public sealed class RegisterModuleValidator : ModuleFieldsValidator<RegisterModule>;

public sealed class RegisterModuleAccess : AdministratorsOnly<RegisterModule>;

public sealed class RegisterModuleHandler(DbSession db) : ICommandHandler<RegisterModule, RecordCreated>
{
    private const string Insert = """
        INSERT INTO modules (id, code, title_en, title_fr, hours, version)
        VALUES (@id, @code, @titleEn, @titleFr, @hours, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterModule command, CancellationToken cancellationToken)
    {
        await ModuleWrites.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, code = command.Code, titleEn = command.TitleEn, titleFr = command.TitleFr, hours = command.Hours }, cancellationToken);
        await ModuleWrites.CoverAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
