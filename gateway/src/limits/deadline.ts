import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

export const TIMEOUT_MESSAGE = 'Yêu cầu xử lý quá lâu. Vui lòng thử lại hoặc thu hẹp phạm vi dữ liệu.';

/**
 * The gateway, answering TIMEOUT (HTTP 504) when executing one operation (query planning and subgraph
 * calls) takes longer than `ms`. No plugin hook can end an execution, hence a wrapper around the gateway's
 * executor. Subgraph requests already sent are not aborted: the client just stops waiting for them.
 */
export function withDeadline(gateway: Gateway, ms: number): Gateway {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const { executor } = await gateway.load(options);
      return { executor: executor && deadlineExecutor(executor, ms) };
    },
  };
}

function deadlineExecutor(execute: Executor, ms: number): Executor {
  return async (requestContext) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Awaited<ReturnType<Executor>>>((resolve) => {
      timer = setTimeout(() => {
        resolve({ errors: [new GraphQLError(TIMEOUT_MESSAGE, { extensions: { code: 'TIMEOUT', http: { status: 504 } } })] });
      }, ms);
    });
    try {
      return await Promise.race([execute(requestContext), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
