// Loaded before every test file: type-graphql and TypeORM read decorator metadata at import time.
import 'reflect-metadata';
