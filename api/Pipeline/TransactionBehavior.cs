using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>
/// A command runs in one transaction: committed when its handler returns, rolled back when anything
/// throws, so a failed command leaves nothing half-written.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(DbSession session)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var transaction = await session.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
