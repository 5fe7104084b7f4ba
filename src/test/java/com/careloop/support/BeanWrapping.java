package com.careloop.support;

import java.util.function.UnaryOperator;

import org.springframework.beans.factory.config.BeanPostProcessor;

/** Puts an observer around one bean of the shared test context (the real bean stays inside and does the work). */
final class BeanWrapping {

    private BeanWrapping() {
    }

    static <T> BeanPostProcessor around(Class<T> type, String beanName, UnaryOperator<T> wrapper) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return type.isInstance(bean) && name.equals(beanName) ? wrapper.apply(type.cast(bean)) : bean;
            }
        };
    }
}
