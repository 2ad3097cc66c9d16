package org.trialledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: view- and session-scoped beans travel with the session to other instances
 * (docs/scaling.md). Every field they keep must therefore serialize: an injected service is kept as
 * its CDI proxy (serializable, and it finds the service again on the other instance), never in a
 * {@code transient} field, which would be null there; state is of a serializable type or transient
 * and rebuilt when missing. One field that does not serialize makes the container drop the whole
 * session from the grid.
 */
class PassivatingBeansTest {
  private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Set.class, Map.class);

  @Test
  void everyFieldOfAViewOrSessionScopedBeanSurvivesAMove() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> bean : passivatingBeans()) {
      if (!Serializable.class.isAssignableFrom(bean)) problems.add(bean.getName() + " itself");
      for (Field f : bean.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)) continue;
        boolean injected = f.isAnnotationPresent(Inject.class);
        if (Modifier.isTransient(m)) {
          if (injected) problems.add(name(f) + ": injected into a transient field");
          continue;
        }
        if (injected) {
          if (!proxied(f.getType())) problems.add(name(f) + ": injects a bean without a proxy");
        } else {
          checkState(f, problems, new HashSet<>());
        }
      }
    }
    assertEquals(List.of(), problems.stream().distinct().toList());
  }

  private static List<Class<?>> passivatingBeans() throws ClassNotFoundException {
    List<Class<?>> beans = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trialledger")) {
      if (c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class))
        beans.add(Class.forName(c.getName()));
    }
    assertEquals(false, beans.isEmpty(), "no beans found");
    return beans;
  }

  /** Normal-scoped beans of ours are injected as client proxies, which serialize. */
  private static boolean proxied(Class<?> type) {
    return type.isAnnotationPresent(ApplicationScoped.class)
        || type.isAnnotationPresent(SessionScoped.class)
        || type == java.time.Clock.class;
  }

  /** The field's type, and what it holds in turn (our own classes: fields, and type arguments). */
  private static void checkState(Field f, List<String> problems, Set<Type> seen) {
    Type type = f.getGenericType();
    if (!seen.add(type)) return;
    if (!serializable(type)) {
      problems.add(name(f) + ": " + type.getTypeName() + " does not serialize");
      return;
    }
    for (Class<?> c : ours(type)) {
      for (Class<?> k = c;
          k != null && k.getName().startsWith("org.trialledger");
          k = k.getSuperclass())
        for (Field inner : k.getDeclaredFields()) {
          int m = inner.getModifiers();
          if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) checkState(inner, problems, seen);
        }
    }
  }

  private static List<Class<?>> ours(Type type) {
    List<Class<?>> classes = new ArrayList<>();
    if (type instanceof Class<?> c && c.getName().startsWith("org.trialledger")) classes.add(c);
    if (type instanceof ParameterizedType p)
      for (Type a : p.getActualTypeArguments()) classes.addAll(ours(a));
    return classes;
  }

  private static boolean serializable(Type type) {
    if (type instanceof Class<?> c)
      return c.isPrimitive()
          || c.isEnum()
          || Serializable.class.isAssignableFrom(c)
          || (c.isInterface() && CONTAINERS.contains(c));
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      boolean container = CONTAINERS.contains(raw) || Serializable.class.isAssignableFrom(raw);
      return container
          && Stream.of(p.getActualTypeArguments()).allMatch(PassivatingBeansTest::serializable);
    }
    return false;
  }

  private static String name(Field f) {
    return f.getDeclaringClass().getSimpleName() + "." + f.getName();
  }
}
