using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Modules;

/// <summary>New values for every field of a module; <c>keyFactorCodes</c> replaces its list.</summary>
public sealed record UpdateModule(string Code, string TitleEn, string TitleFr, [property: Required] decimal? Hours, IReadOnlyList<string> KeyFactorCodes)
    : ICommand<int>, IModuleFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateModuleValidator : ModuleFieldsValidator<UpdateModule>;

public sealed class UpdateModuleAccess : AdministratorsOnly<UpdateModule>;

public sealed class UpdateModuleHandler(DbSession db) : ICommandHandler<UpdateModule, int>
{
    private const string Update = """
        UPDATE modules SET code = @code, title_en = @titleEn, title_fr = @titleFr, hours = @hours, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateModule command, CancellationToken cancellationToken)
    {
        await ModuleWrites.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            code = command.Code,
            titleEn = command.TitleEn,
            titleFr = command.TitleFr,
            hours = command.Hours,
        }, cancellationToken);
        var version = await db.NextVersionAsync(changed, "modules", Messages.RecordModule, command.Id, command.ExpectedVersion, cancellationToken);
        await ModuleWrites.UncoverAsync(db, command.Id, cancellationToken);
        await ModuleWrites.CoverAsync(db, command.Id, command, cancellationToken);
        return version;
    }
}
