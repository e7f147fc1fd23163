package jp.mamori.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements the current thread prepares while recording — how a test sees the
 * query shape of a request (N+1 and repeated look-ups) without timing anything. MockMvc
 * runs the request on the test's thread. Import {@link Configuration} into the test.
 */
public final class StatementLog {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private StatementLog() {
	}

	/** The statements {@code action} prepared on this thread, in order. */
	public static List<String> during(ThrowingRunnable action) throws Exception {
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			action.run();
		}
		finally {
			RECORDING.remove();
		}
		return statements;
	}

	/** An action that may throw. */
	@FunctionalInterface
	public interface ThrowingRunnable {

		void run() throws Exception;

	}

	/** Wraps the application's data source so that prepared statements are recorded. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementLogDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource) : bean;
				}
			};
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (type == Connection.class && method.getName().startsWith("prepare") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				List<String> statements = RECORDING.get();
				if (statements != null) {
					statements.add(sql);
				}
			}
			Object result = invoke(method, target, args);
			if (type == DataSource.class && result instanceof Connection connection) {
				return proxy(Connection.class, connection);
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
