using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Trainers;

/// <summary>New values for every field of a trainer. Its accreditations are recorded one by one beneath it.</summary>
public sealed record UpdateTrainer(string FullName, [property: Required] TrainerKind? Kind, Guid? AdministrationId = null,
    string? Email = null, Guid? UserId = null)
    : ICommand<int>, ITrainerFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateTrainerValidator : TrainerFieldsValidator<UpdateTrainer>;

/// <summary>
/// Administrators; coordinators for a national trainer they keep, who stays one of their administrations'
/// national trainers and keeps its account link (see <see cref="TrainerStewards"/>).
/// </summary>
public sealed class UpdateTrainerAccess(DbSession db) : IAccessRule<UpdateTrainer>
{
    public async ValueTask<Access> CheckAsync(UpdateTrainer command, Caller caller, CancellationToken cancellationToken) =>
        await TrainerStewards.KeepsAsync(db, caller, command.Id, cancellationToken, async stored =>
            stored.UserId == command.UserId && await TrainerStewards.MayGiveAsync(db, caller, command, cancellationToken));
}

public sealed class UpdateTrainerHandler(DbSession db, Caller caller) : ICommandHandler<UpdateTrainer, int>
{
    private const string Update = """
        UPDATE trainers
        SET full_name = @fullName, kind = @kind, administration_id = @administrationId, email = @email, user_id = @userId, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateTrainer command, CancellationToken cancellationToken)
    {
        await TrainerWrites.CheckAsync(db, caller, command, except: command.Id, cancellationToken);
        var parameters = new DynamicParameters(TrainerWrites.Parameters(command.Id, command));
        parameters.Add("expectedVersion", command.ExpectedVersion);
        var changed = await db.ExecuteAsync(Update, parameters, cancellationToken);
        return await db.NextVersionAsync(changed, "trainers", Messages.RecordTrainer, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
