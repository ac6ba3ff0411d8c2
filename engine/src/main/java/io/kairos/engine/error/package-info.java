/** The small unchecked exception hierarchy that crosses boundaries; the HTTP layer maps it to status codes. */
package io.kairos.engine.error;
