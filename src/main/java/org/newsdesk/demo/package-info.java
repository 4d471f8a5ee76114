/**
 * What a new Newsdesk starts with: the first administrator and the demo post. It sits above every feature
 * because it creates their content; nothing below it knows it exists.
 */
package org.newsdesk.demo;
