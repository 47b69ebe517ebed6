using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>
/// A command runs in one transaction: committed when its handler returns, rolled back when anything
/// throws, so a failed command leaves nothing half-written. (See Idempotency for the one that is opened
/// before the command.)
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(DbSession session)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // A create with an Idempotency-Key runs inside the transaction that claims the key; its owner commits.
        if (session.Transaction is not null) return await next(message, cancellationToken);
        var transaction = await session.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await session.EndTransactionAsync();
        }
    }
}

/// <summary>
/// Thrown at the end of an import's preview, once its answer is known, so that its transaction rolls back and its audit
/// entry is never written; whoever sent the command catches it, with the preview's <see cref="Answer"/> when it carries one.
/// </summary>
public sealed class PreviewRolledBackException(object? answer = null) : Exception("A preview stores nothing.")
{
    public object? Answer { get; } = answer;
}
