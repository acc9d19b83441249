import { createContext, useContext } from 'react';

/** Where the module is mounted ("/district" in the shell, "/" standalone), for absolute links. */
export const BasePathContext = createContext('/');

export const useBasePath = (): string => useContext(BasePathContext);
