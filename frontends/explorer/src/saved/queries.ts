import { graphql } from '../generated/index.ts';

export const SAVED_QUERIES = graphql(`
  query ExplorerSavedQueries {
    savedQueries { id name query variables shared mine ownerName }
  }
`);

export const SAVE_QUERY = graphql(`
  mutation ExplorerSaveQuery($input: SaveQueryInput!) {
    saveQuery(input: $input) { id name }
  }
`);

export const DELETE_SAVED_QUERY = graphql(`
  mutation ExplorerDeleteSavedQuery($id: ID!) {
    deleteSavedQuery(id: $id)
  }
`);
