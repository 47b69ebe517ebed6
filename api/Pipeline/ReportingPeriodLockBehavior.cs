using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>
/// What a command touches in a programme's results framework: some administrations over some days (a workshop's
/// host and the administrations taking part over its days; a progress update's plan administration on its day).
/// <paramref name="What"/> names it in the refusal ("this workshop").
/// </summary>
public sealed record ReportingPeriodPlace(Guid ProgrammeId, DateOnly FromDay, DateOnly ToDay, IReadOnlyList<Guid> AdministrationIds, string What);

/// <summary>
/// Where a command's records sit in time and in the results framework, before and after it. A command that touches
/// what a period report covers declares it beside itself, as it declares its access rule; one that declares nothing
/// touches no period.
/// </summary>
public interface IReportingPeriodPlaces<in TCommand>
{
    Task<IReadOnlyList<ReportingPeriodPlace>> PlacesAsync(TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps a submitted or approved report true: a command whose places fall inside a period whose report an
/// administration has submitted or had approved is refused with 409, inside the command's transaction.
/// </summary>
public sealed class ReportingPeriodLockBehavior<TMessage, TResponse>(IEnumerable<IReportingPeriodPlaces<TMessage>> declarations, DbSession db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var declaration in declarations)
            foreach (var place in await declaration.PlacesAsync(message, cancellationToken))
            {
                var locks = await ReportingPeriodLocks.FindAsync(db, place, cancellationToken);
                if (locks.Count > 0) throw new ReportingPeriodLockedException(locks[0], place.What);
            }
        return await next(message, cancellationToken);
    }
}
