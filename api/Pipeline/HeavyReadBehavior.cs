using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>
/// A query whose cost grows with the records (the computed rules walk every attendance of a programme): taken in turn
/// by <see cref="HeavyReadTurns"/>, so that a few of them cannot hold the server while coordinators work.
/// </summary>
public interface IHeavyRead
{
    /// <summary>Whether this request reads the live records (most heavy reads always do; a donor's report reads the approvals' snapshots, which is quick).</summary>
    bool ReadsLiveRecords => true;
}

/// <summary>Sends a heavy read through <see cref="HeavyReadTurns"/>, after its caller and its input were checked; every other message as it comes.</summary>
public sealed class HeavyReadBehavior<TMessage, TResponse>(HeavyReadTurns turns) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IHeavyRead { ReadsLiveRecords: true }
            ? turns.TakeAsync(() => next(message, cancellationToken), cancellationToken)
            : next(message, cancellationToken);
}
